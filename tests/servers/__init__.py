"""Loopback HTTP servers for tests: canned replies, and an EODMS RCM SOAP stand-in."""
