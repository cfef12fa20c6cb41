"""The sync bundle format: manifest, signing, encryption, safe reading."""
