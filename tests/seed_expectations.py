"""What the bundled sample article is, once, for every test that checks it."""

from __future__ import annotations

SEED_TITLE = "The Diplomatic Gauntlet: Will Trump’s Meeting with Putin Yield a Ukrainian Ceasefire?"
SEED_SUBTITLE = "NATO’s Top Diplomat Predicts a High-Stakes “Test” as Global Powers Urge De-escalation"

SEED_SECTIONS = [
    (None, 2),
    ("Introduction", 2),
    ("Context & Background", 2),
    ("In-Depth Analysis", 2),
    ("Pros and Cons", 2),
    ("Pros", 3),
    ("Cons", 3),
    ("Key Takeaways", 2),
    ("Future Outlook", 2),
    ("Call to Action", 2),
]
"""(heading, level) of each section, in order."""

SEED_TAKEAWAYS_MARKDOWN = """\
- NATO Secretary General Mark Rutte views President Trump’s meeting with President Putin as a “test” for the Russian leader.
- The meeting occurs amidst intense global pressure for a ceasefire in the ongoing war in Ukraine.
- The success of the meeting hinges on Trump’s ability to gauge Putin’s resolve and willingness to compromise.
- Trump’s unconventional diplomatic style presents both opportunities for breakthroughs and risks of miscalculation or undermining allied unity.
- The outcome could significantly impact the trajectory of the war in Ukraine and broader East-West relations.
- The meeting’s success will also be judged by its impact on the humanitarian crisis and the stability of the region."""
"""`brief --takeaways` of the seed (without the final newline), and what `y` copies."""
