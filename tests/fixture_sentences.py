"""The sentences of two fixtures and their sections, read off the files (hard wraps joined)."""

NIGHT_TRAIN_SENTENCES = {
    "The train left the capital a little after ten, its carriages still warm from the afternoon sun, and the "
    "conductor walked the corridor twice to check that every compartment door was latched before the first tunnel.": None,
    "By midnight the dining car had closed.": None,
    "A few passengers stood at the windows, watching the lights of small towns slide past.": None,
    "Those bound for Old Town Station were told to change at the junction, and most of them slept through it.": None,
    "At the first border the train stopped for forty minutes.": "The Border Crossing",
    "Officers in long coats collected passports, stamped them under a dim lamp and handed them back without a word.": "The Border Crossing",
}

RELEASE_NOTES_SENTENCES = {
    "The sync engine was rewritten from scratch.": "Version 2.0",
    "Bug fixes only.": "Version 1.1",
    "Large folders still load slowly.": "Version 1.1",  # under Known Issues, part of 1.1
    "The first public release.": "Version 1.0",
}
