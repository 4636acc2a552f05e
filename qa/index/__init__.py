"""The library on disk: embeddings, the keyword index, the manifest, the build/add/remove pipeline and its atomic writes."""
