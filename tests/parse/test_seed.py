"""The bundled sample article parses to exactly the structure a reader expects."""

from __future__ import annotations

from tests.conftest import SEED
from tests.seed_expectations import SEED_SECTIONS, SEED_SUBTITLE, SEED_TITLE
from tui.model.article import BulletList, Paragraph
from tui.parse import load_path


def test_seed_title_and_dek():
    article = load_path(SEED)
    assert article.title == SEED_TITLE
    assert article.subtitle == SEED_SUBTITLE
    assert article.format == "text"
    assert article.encoding == "utf-8"


def test_seed_sections_in_order_with_levels():
    article = load_path(SEED)
    assert [(s.heading, s.level) for s in article.sections] == SEED_SECTIONS


def test_seed_blocks_per_section():
    article = load_path(SEED)
    kinds = {s.heading: [type(b).__name__ for b in s.blocks] for s in article.sections}
    assert kinds == {
        None: ["Paragraph"],
        "Introduction": ["Paragraph", "Paragraph"],
        "Context & Background": ["Paragraph"] * 4,
        "In-Depth Analysis": ["Paragraph", "BulletList", "Paragraph", "Paragraph", "Paragraph"],
        "Pros and Cons": ["Paragraph"],
        "Pros": ["BulletList"],
        "Cons": ["BulletList"],
        "Key Takeaways": ["BulletList"],
        "Future Outlook": ["Paragraph"] * 3,
        "Call to Action": ["Paragraph"],
    }
    analysis = article.sections[3]
    assert isinstance(analysis.blocks[0], Paragraph)
    assert analysis.blocks[0].text.endswith("The “test” could manifest in several ways:")
    bullets = analysis.blocks[1]
    assert isinstance(bullets, BulletList) and not bullets.ordered
    assert [i.label for i in bullets.items] == [
        "Testing Russia’s Red Lines",
        "Assessing Putin’s Leverage",
        "Gauging Putin’s Appetite for De-escalation",
        "Understanding Putin’s Motivations",
    ]


def test_seed_takeaways_pros_cons():
    article = load_path(SEED)
    assert len(article.takeaways) == 6
    assert all(item.label is None and item.depth == 0 for item in article.takeaways)
    assert article.takeaways[0].text == (
        "NATO Secretary General Mark Rutte views President Trump’s meeting with President Putin "
        "as a “test” for the Russian leader."
    )
    assert article.takeaways[-1].text == (
        "The meeting’s success will also be judged by its impact on the humanitarian crisis "
        "and the stability of the region."
    )
    assert [i.label for i in article.pros] == [
        "Direct Dialogue and Potential Breakthroughs",
        "Leveraging Personal Rapport",
        "Unburdened by Traditional Diplomacy",
        "Focus on Ceasefire",
        "Testing Russian Resolve",
    ]
    assert [i.label for i in article.cons] == [
        "Risk of Undermining Allied Cohesion",
        "Unpredictability and Potential for Miscalculation",
        "Legitimizing Putin’s Actions",
        "Lack of Detailed Policy Preparation",
        "Potential for Deal-Making at Ukraine’s Expense",
    ]
    assert article.pros[3].text.startswith("The explicit goal of pushing for a ceasefire")
    # Extracted items are views of the items that stay in their sections.
    assert article.pros == list(article.sections[5].blocks[0].items)
