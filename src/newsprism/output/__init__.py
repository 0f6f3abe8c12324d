"""Writers at the edge: story.json (validated), and the helpers they share."""
