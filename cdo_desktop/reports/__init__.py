"""Printed documents (GB/T 9704 page, CJK fonts, fingerprints and verification); reportlab only, never Qt."""
