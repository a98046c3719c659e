"""sitrep's errors, each with a stable code; users see them as one line (CLI) or one error body (API).

SitrepError
├── InputError      [S001] a record or file that cannot be read as an article
├── ModelError      [S002] the spaCy pipeline is missing or cannot load
├── StoreError      [S003] the database cannot be opened or written
├── UsageError      [S004] an option or argument that makes no sense
├── ExtractionError [S005] an article the extractors failed on (the batch goes on)
└── RefusedError    [S006] an article refused before extraction: too long, a date out of range,
                           text UTF-8 cannot hold (`sitrep.limits`; the batch goes on)
"""

from __future__ import annotations


class SitrepError(Exception):
    code = "S000"

    def __str__(self) -> str:
        """`[S001] message`, on one line, printable whatever the message holds (an unpaired surrogate
        in an id is shown as its escape)."""
        message = " ".join(super().__str__().splitlines())
        return f"[{self.code}] {message.encode('utf-8', 'backslashreplace').decode('utf-8')}"


class InputError(SitrepError):
    """A bad input record: names the file, the line (when there is one) and the reason."""

    code = "S001"

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


class ModelError(SitrepError):
    code = "S002"


class StoreError(SitrepError):
    code = "S003"


class UsageError(SitrepError):
    code = "S004"


class ExtractionError(SitrepError):
    code = "S005"

    def __init__(self, article_id: str, exc: BaseException) -> None:
        self.article_id = article_id
        self.cause = f"{type(exc).__name__}: {exc}"
        super().__init__(f"article {article_id}: extraction failed ({self.cause})")

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled by its message, so that a worker process can hand it back (`sitrep.parallel`)."""
        return (_extraction_error, (self.article_id, self.cause))


class RefusedError(SitrepError):
    code = "S006"

    def __init__(self, article_id: str, reason: str) -> None:
        self.article_id = article_id
        self.reason = reason
        super().__init__(f"article {article_id}: refused: {reason}")

    def __reduce__(self) -> tuple[object, ...]:
        return (RefusedError, (self.article_id, self.reason))


class _Failure(Exception):
    """The cause of an ExtractionError that crossed a process boundary, already formatted."""

    def __init__(self, cause: str) -> None:
        super().__init__(cause)


def _extraction_error(article_id: str, cause: str) -> ExtractionError:
    error = ExtractionError(article_id, _Failure(cause))
    error.cause = cause
    error.args = (f"article {article_id}: extraction failed ({cause})",)
    return error
