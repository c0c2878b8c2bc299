"""Leaders and legislators in office since 2016, from the reference facts behind the built people tables."""
from __future__ import annotations

import datetime as dt

from casus.actors.cases import Case, read_cases, score
from casus.actors import loaders
from casus.actors.kb import BUILT, DATA, HAND, fold
from tests.conftest import ROOT

CASES = ROOT / "tests" / "data" / "actor_cases_reference.tsv"


def test_reference_cases_get_country_and_sector(pipeline):
    cases = read_cases(CASES)
    assert len(cases) >= 300 and {c.source for c in cases} >= {"reign", "congress"}
    res = score(cases, pipeline.parser, pipeline.actor_resolver)
    print(f"\nreference cases {res.total['all']}: country {res.rate('country'):.3f}, "
          f"country+sector {res.rate('both'):.3f}; "
          + ", ".join(f"{k} {res.rate('country', k):.3f}/{res.rate('both', k):.3f} of {res.total[k]}"
                      for k in sorted(res.total) if ":" in k))
    assert res.rate("country") >= 0.90
    assert res.rate("both") >= 0.85


def test_a_leader_is_coded_by_the_story_date_not_the_latest_spell(pipeline):
    # a surname the REIGN table lists for one state's leader: in office, then after leaving office
    lines = [ln.split("\t") for ln in (DATA / "people_reign.tsv").read_text(encoding="utf-8").splitlines()
             if not ln.startswith("#")]
    ended = [c for c in lines if c[6] and c[6] < "2015-01-01" and c[5] > "2005-01-01" and c[1] and " " not in c[1]]
    assert ended, "the REIGN table lists leaders whose spell ended"
    row = ended[0]
    name, start, end = row[1].split("|")[0], dt.date.fromisoformat(row[5]), dt.date.fromisoformat(row[6])
    during = start + (end - start) / 2
    after = dt.date(2021, 6, 1)
    res = score([Case(name, during, row[2], "GOV"), Case(name, after, row[2], "ELI")],
                pipeline.parser, pipeline.actor_resolver)
    assert res.rate("both") == 1.0, res.misses


def test_built_tables_leave_every_hand_alias_to_the_hand_rows():
    hand = {fold(a) for name in HAND for forms, _ in loaders.read_tsv(DATA / name) for a in forms}
    clashes = [(name, a) for name in BUILT for forms, _ in loaders.read_tsv(DATA / name) for a in forms
               if fold(a) in hand]
    assert not clashes[:5]


def test_a_known_person_out_of_office_takes_what_the_apposition_says(pipeline, tmp_path):
    from casus.actors.kb import KnowledgeBase
    from casus.actors.resolve import ActorResolver
    from casus.model import Article

    extra = tmp_path / "mine.tsv"
    extra.write_text("# name\taliases\tcountry\tsectors\trole\tstart\tend\n"
                     "Tomas Vrabec\tVrabec\tSVK\tGOV\tforeign minister\t2010-07-01\t2012-04-04\n", encoding="utf-8")
    resolver = ActorResolver(KnowledgeBase.load(extra=[extra]))

    def code(text: str, day: dt.date) -> str | None:
        doc = pipeline.parser.parse(Article(id="v", text=text, report_date=day))
        return next(m.actor.code for m in resolver.resolve(doc) if m.actor.text == "Tomas Vrabec")

    text = "Tomas Vrabec, head of the UN refugee agency, asked donors for more money."
    assert code(text, dt.date(2004, 3, 1)).startswith("IGO")  # years before his ministry: what the text says
    assert code(text, dt.date(2011, 3, 1)) == "SVKGOV"  # in office: the table's spell
