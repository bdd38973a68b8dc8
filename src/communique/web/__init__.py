"""The web service: REST API and browsable pages over an event database (`communique serve`)."""
