"""Domain errors of the quiz app; views map them to 404s, form errors or API error bodies."""


class QuizNotFound(Exception):
    pass


class ItemNotFound(Exception):
    pass


class AttemptNotFound(Exception):
    pass


class AttemptClosed(Exception):
    """The attempt is finished; no more answers are taken."""


class AlreadyAnswered(Exception):
    """This item already has an answer in this attempt."""


class InvalidAnswer(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class RevisionNotAllowed(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class PackRejected(Exception):
    """A content pack that will not be imported, with a message for people."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
