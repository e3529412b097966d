"""Domain operations over a Session passed in by the caller. No Qt here."""
