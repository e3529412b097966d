"""Qt widgets and item models: layout and wiring; the work happens in console.services."""
