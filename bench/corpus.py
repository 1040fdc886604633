"""A synthetic news corpus for the benchmark, generated from the small grammar in
grammar.json (invented sentences, fictional people): reproducible from a seed,
any size, with the shape of wire copy (headline, dateline lead, short paragraphs)."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import string
from pathlib import Path

GRAMMAR = Path(__file__).with_name("grammar.json")


class Slots(dict):
    """Values for one article's placeholders, drawn once so the article is coherent."""

    def __init__(self, g: dict, rng: random.Random):
        place, other = rng.sample(g["places"], 2)
        first, last = g["first_names"], g["last_names"]
        person, person2 = (f"{rng.choice(first)} {name}" for name in rng.sample(last, 2))
        mediator = rng.randrange(len(g["mediators"]))
        disaster = rng.choice(g["disasters"])
        super().__init__(
            country=place[0], city=place[1], city2=place[2], country2=other[0],
            mediator=g["mediators"][mediator], mediator_city=g["mediator_cities"][mediator],
            person=person, person2=person2, title=rng.choice(g["titles"]), title2=rng.choice(g["titles"]),
            org=rng.choice(g["orgs"]), role=rng.choice(g["roles"]), quote=rng.choice(g["quotes"]),
            weekday=rng.choice(g["weekdays"]), weekday2=rng.choice(g["weekdays"]), month=rng.choice(g["months"]),
            victims=rng.choice(g["victims"]), attack=rng.choice(g["attacks"]), site=rng.choice(g["sites"]),
            disaster=disaster, disaster_cap=disaster[0].upper() + disaster[1:], topic=rng.choice(g["topics"]),
            good=rng.choice(g["goods"]), demand=rng.choice(g["demands"]),
            n=rng.randint(2, 90), n2=rng.randint(2, 60), n3=f"{rng.randint(2, 95) * 1000:,}",
            n4=f"{rng.randint(1, 40) * 100:,}", n5=rng.randint(2, 9), pct=rng.randint(2, 45),
            small=rng.choice(["0.25", "0.5", "0.75", "1.5"]), rate=rng.randint(4, 30),
            money=rng.choice([5, 12, 20, 45, 80, 150, 300, 500]),
        )


def _fill(template: str, slots: Slots) -> str:
    return string.Formatter().vformat(template, (), slots)


def article(g: dict, rng: random.Random, index: int) -> dict:
    slots = Slots(g, rng)
    topic = rng.randrange(len(g["leads"]))
    paragraphs = [_fill(g["leads"][topic], slots)]
    deck: list[str] = []  # sentences are dealt without repeats until the deck runs out
    for _ in range(rng.randint(*g["paragraphs"])):
        sentences = []
        for _ in range(rng.randint(*g["paragraph_sentences"])):
            if not deck:
                deck = rng.sample(g["sentences"], len(g["sentences"]))
            sentences.append(_fill(deck.pop(), slots))
        paragraphs.append(" ".join(sentences))
    headline = _fill(g["headlines"][topic], slots)
    published = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(366))
    return {
        "id": f"bench-{index:06d}",
        "title": headline[0].upper() + headline[1:],
        "published": published.isoformat(),
        "url": f"https://news.example.org/{published:%Y/%m/%d}/story-{index}",
        "text": headline[0].upper() + headline[1:] + "\n\n" + "\n\n".join(paragraphs),
    }


def generate(n: int, seed: int = 7):
    g = json.loads(GRAMMAR.read_text())
    rng = random.Random(seed)
    for i in range(n):
        yield article(g, rng, i)


def write(path: Path, n: int, seed: int = 7) -> dict:
    """Write `n` articles as JSON Lines; return their counts (articles, words, characters)."""
    words = chars = 0
    with path.open("w", encoding="utf-8") as fh:
        for art in generate(n, seed):
            words += len(art["text"].split())
            chars += len(art["text"])
            fh.write(json.dumps(art, ensure_ascii=False) + "\n")
    return {"articles": n, "words": words, "chars": chars}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output")
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(json.dumps(write(Path(args.output), args.n, args.seed)))
