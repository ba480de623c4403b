"""The curator workspace: sign-in, item editor with undo and history, media, bulk import,
exhibitions, map annotations and georeferencing, publishing."""
