"""Open311's XML: a root element of repeated items, each field an element of its own."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any
from xml.etree import ElementTree as ET

# Characters XML 1.0 cannot carry at all (not even escaped): dropped from the output.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Open311 names the list and its items: services/service, service_requests/request, ...
ITEM_NAMES = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "attributes": "attribute",
    "values": "value",
}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("", str(value))


def _fill(element: ET.Element, value: Any) -> None:
    if isinstance(value, Mapping):
        for key, inner in value.items():
            _fill(ET.SubElement(element, str(key)), inner)
    elif isinstance(value, Sequence) and not isinstance(value, str | bytes):
        item_name = ITEM_NAMES.get(element.tag, "item")
        for inner in value:
            _fill(ET.SubElement(element, item_name), inner)
    else:
        element.text = _text(value)


def to_xml(root: str, value: Any) -> bytes:
    """<root> holding value: a list becomes repeated items, a dict one element per key."""
    element = ET.Element(root)
    _fill(element, value)
    return ET.tostring(element, encoding="utf-8", xml_declaration=True)
