"""The web app and REST API of `casus serve`: FastAPI app, pages, charts, offline base map."""
