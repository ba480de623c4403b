"""The visitor kiosk's touch widgets."""
