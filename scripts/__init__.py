"""Helpers the Makefile runs: the site build (`python -m scripts.build_site`) and its parts."""
