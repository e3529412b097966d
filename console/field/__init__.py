"""The field reporting service: an Open311 GeoReport v2 HTTP API for grid workers' phones.

No Qt here: the service runs headless (`main.py serve-intake`) and writes through the
same services as the console, so its reports reach every workstation by the change feed.
"""
