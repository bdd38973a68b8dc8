"""Fuzzing for communique: hostile input generators, property checks and the `make fuzz` runner."""
