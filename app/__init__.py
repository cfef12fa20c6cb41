"""Lindungi: an offline registry of informal workers covered by BPJS Ketenagakerjaan."""

__version__ = "0.1.0"
