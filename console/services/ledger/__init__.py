"""Case ledger (台账) import and export, CSV and XLSX; see docs/ledger.md.

with store.write() as session:
    result = import_ledger(path, session=session, actor=actor, progress=progress)
with store.read() as session:
    done = export_ledger(path, session=session, actor=actor, criteria=criteria)
"""

from console.services.ledger import texts  # noqa: F401 - registers the ledger messages
from console.services.ledger.columns import COLUMNS, EXPORT_EXTRAS, HEADERS
from console.services.ledger.criteria import ExportCriteria, parse_date, resolve_criteria
from console.services.ledger.exporter import (
    EXPORT_HEADERS,
    FORMATS,
    ExportResult,
    export_format,
    export_ledger,
    record_export,
)
from console.services.ledger.importer import IMPORT_ROLES, import_ledger
from console.services.ledger.progress import Cancelled, Progress, ProgressCallback
from console.services.ledger.report import ImportResult, Note, RowProblem

__all__ = [
    "COLUMNS",
    "EXPORT_EXTRAS",
    "EXPORT_HEADERS",
    "FORMATS",
    "HEADERS",
    "IMPORT_ROLES",
    "Cancelled",
    "ExportCriteria",
    "ExportResult",
    "ImportResult",
    "Note",
    "Progress",
    "ProgressCallback",
    "RowProblem",
    "export_format",
    "export_ledger",
    "import_ledger",
    "parse_date",
    "record_export",
    "resolve_criteria",
]
