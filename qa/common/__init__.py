"""What every layer uses: errors naming the fix, checked options, paths, normalization, places, asking words, years."""
