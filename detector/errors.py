"""Domain errors of the analysis tool; views map them to form errors or HTTP statuses."""


class UploadRejected(Exception):
    """An upload we will not store. `status` is the HTTP status an API answers with."""

    def __init__(self, code: str, message: str, status: int = 400):
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


class AnalysisNotFound(Exception):
    pass
