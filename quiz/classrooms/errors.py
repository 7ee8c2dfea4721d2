"""Domain errors of classrooms; views turn them into messages or 404s."""


class ClassroomError(Exception):
    """A refusal with a message for people."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class JoinRefused(ClassroomError):
    """Wrong code, closed or archived classroom."""


class WrongJoinCode(JoinRefused):
    """No classroom has this code (the only refusal that counts against the join limit)."""


class InvalidNickname(ClassroomError):
    pass


class AssignmentRefused(ClassroomError):
    pass


class NotFound(Exception):
    """Not found, or not yours: both answer 404 so ids cannot be probed."""
