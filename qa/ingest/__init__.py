"""A report file becomes a report: read (any format and encoding), cleaned, structured, identified and chunked."""
