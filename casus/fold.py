"""Fold repeated mentions of one act inside an article into one event with its evidence."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from casus.model import Actor, Event, Place

# Roots and codes whose direction carries no meaning: A meets B == B meets A.
RECIPROCAL_ROOTS = frozenset({"04", "05", "19"})
RECIPROCAL_CODES = frozenset({"036"})

DATE_BASIS_RANK = {"explicit": 4, "relative": 3, "dateline": 2, "report": 1}
PRECISION_RANK = {"day": 3, "month": 2, "year": 1}
PLACE_BASIS_RANK = {"clause": 4, "sentence": 3, "paragraph": 2, "destination": 2, "article": 1, "dateline": 1}
OWN_PLACE = ("clause", "sentence")  # places a mention's own sentence gives it
SAYING = "01"  # statements: one country's sayings in other sentences are often other occasions, elsewhere
CONSULT = "04"  # meetings, talks, visits: a story's other meetings of one pair are often other occasions too
OWN_OCCASION = (SAYING, CONSULT)


def is_reciprocal(code: str) -> bool:
    """True if the CAMEO code names an act with no direction (consult, cooperate, fight)."""
    return code[:2] in RECIPROCAL_ROOTS or code[:3] in RECIPROCAL_CODES


def actor_key(actor: Actor | None) -> str | None:
    """The identity of an actor for folding: its country ("Tokyo", "Japan" and "Abe" are one
    source in a Japan–Russia story), else its code, else its lower-cased name or text."""
    if actor is None:
        return None
    if actor.country:
        return actor.country
    if actor.code:
        return actor.code
    return (actor.name or actor.text or "").strip().lower() or None


def codes_compatible(a: str, b: str) -> bool:
    """Same root and same 3-digit family, or one code a prefix of the other."""
    if a[:2] != b[:2]:
        return False
    if a.startswith(b) or b.startswith(a):
        return True
    return len(a) >= 3 and len(b) >= 3 and a[:3] == b[:3]


def dates_compatible(a: Event, b: Event) -> bool:
    """Same date value, or one of the two only falls back on the report date."""
    if a.date.basis == "report" or b.date.basis == "report":
        return True
    return a.date.value == b.date.value


def dyad_compatible(a: Event, b: Event) -> bool:
    """Same source and target; either direction when the act is reciprocal."""
    sa, ta, sb, tb = actor_key(a.source), actor_key(a.target), actor_key(b.source), actor_key(b.target)
    if (sa, ta) == (sb, tb):
        return True
    if sa == sb and sa is not None and (ta is None or tb is None) and a.cameo.code == b.cameo.code:
        return True  # a later mention that leaves the target implicit
    return is_reciprocal(a.cameo.code) and is_reciprocal(b.cameo.code) and (sa, ta) == (tb, sb)


def same_act(a: Event, b: Event) -> bool:
    """True if two events of one article report the same act."""
    return (
        a.mode == b.mode
        and codes_compatible(a.cameo.code, b.cameo.code)
        and dyad_compatible(a, b)
        and dates_compatible(a, b)
    )


def evidence_of(event: Event) -> dict[str, Any]:
    """The evidence record of one mention: where it was read and what it said."""
    ev: dict[str, Any] = {
        "event_id": event.event_id,
        "doc_id": event.doc_id,
        "sentence": event.sentence,
        "text": event.text,
        "trigger": {"text": event.trigger.text, "start": event.trigger.start, "end": event.trigger.end},
        "source_text": None if event.source is None else event.source.text,
        "target_text": None if event.target is None else event.target.text,
        "report_date": event.report_date,
    }
    for role, actor in (("source", event.source), ("target", event.target)):
        ev[f"{role}_start"] = None if actor is None else actor.start
        ev[f"{role}_end"] = None if actor is None else actor.end
    return ev


def _date_rank(e: Event) -> tuple[int, int]:
    return DATE_BASIS_RANK.get(e.date.basis, 0), PRECISION_RANK.get(e.date.precision or "", 0)


def place_rank(place: Place | None) -> tuple[int, ...]:
    """How specific and well-grounded a place is: higher is better."""
    if place is None:
        return (0,)
    feature = place.feature or ""
    level = 3 if feature.startswith("PPL") else 2 if feature.startswith("ADM") else 1
    if not feature:
        level = 2 if place.geonameid is not None and place.lat is not None else 1
    return (1, PLACE_BASIS_RANK.get(place.basis or "", 0), level, place.geonameid is not None)


def _place_pool(group: list[Event], code: str) -> list[Event]:
    """The mentions whose place the folded event may take: for a saying or a meeting, not a later sentence's own place.

    Sayings fold by the doer's country, so "a spokesman told reporters" and the president's "statement
    from his ranch at X" become one event; where one was said is not where the other was. Meetings, talks
    and visits fold by the pair, so "ministers meet on Thursday" and "they met in X last spring" become one
    event; the meeting told of later may be another one, elsewhere.
    """
    if not code.startswith(OWN_OCCASION):
        return group
    first = group[0].sentence
    return [e for e in group if e.sentence == first or e.location is None or e.location.basis not in OWN_PLACE]


def _merge(group: list[Event]) -> Event:
    rep = group[0]
    if len(group) == 1 and rep.evidence:
        return rep
    best_code = max(group, key=lambda e: len(e.cameo.code))  # max keeps the first on ties
    best_date = max(group, key=_date_rank)
    best_place = max(_place_pool(group, best_code.cameo.code), key=lambda e: place_rank(e.location))
    evidence: list[dict[str, Any]] = []
    reasons: list[str] = []
    for e in group:
        evidence.extend(e.evidence or [evidence_of(e)])
        reasons.extend(r for r in e.reasons if r not in reasons)
    mentions = sum(max(e.mentions, 1) for e in group)
    if len(group) > 1:
        sentences = sorted({e.sentence for e in group})
        reasons.append(f"fold: {mentions} mentions in sentence(s) {', '.join(map(str, sentences))}")
    return replace(
        rep,
        cameo=best_code.cameo,
        plover=dict(best_code.plover),
        date=best_date.date,
        location=best_place.location,
        mentions=mentions,
        confidence=max(e.confidence for e in group),
        reasons=reasons,
        evidence=evidence,
    )


def _position(e: Event) -> tuple[int, int, int, str]:
    return e.sentence, e.trigger.start, e.source.start if e.source else -1, e.event_id


def fold_article(events: Iterable[Event]) -> list[Event]:
    """Fold the events of one article that report the same act; order by first mention."""
    groups: list[list[Event]] = []
    merged: list[Event] = []
    for event in sorted(events, key=_position):
        for i, view in enumerate(merged):
            if same_act(view, event):
                groups[i].append(event)
                merged[i] = _merge(groups[i])
                break
        else:
            groups.append([event])
            merged.append(_merge([event]))
    return merged


def incident_sql(window_days: int = 2, max_span_days: int = 7) -> list[str]:
    """SQL statements (DuckDB) that fill `incidents` and `incident_events` from `events`.

    Set-based, O(n log n): keys, then gaps-and-islands over event days, then place anchors.
    The rules are written out in docs/FOLDING.md.
    """
    window, span = int(window_days), max(int(max_span_days), 1)
    reciprocal = " OR ".join(
        [f"e.cameo_root = '{r}'" for r in sorted(RECIPROCAL_ROOTS)]
        + [f"e.cameo_code LIKE '{c}%'" for c in sorted(RECIPROCAL_CODES)])
    basis_rank = " ".join(f"WHEN '{k}' THEN {v}" for k, v in DATE_BASIS_RANK.items())
    return [
        f"""CREATE OR REPLACE TEMP TABLE _inc_base AS
        SELECT e.event_id, e.doc_id, coalesce(a.source, 'doc:' || e.doc_id) AS publisher,
               e.mentions, e.confidence, e.event_day AS day, e.location_country AS country,
               coalesce(e.source_code, lower(e.source_name), lower(e.source_text), '') AS sk,
               coalesce(e.target_code, lower(e.target_name), lower(e.target_text), '') AS tk,
               e.cameo_root || '|' || e.mode || '|' || CASE WHEN {reciprocal}
                   THEN least(sk, tk) || '~' || greatest(sk, tk) ELSE sk || '>' || tk END AS fold_key,
               e.event_day IS NOT NULL AND coalesce(e.date_precision, 'day') = 'day' AS fine,
               CASE e.date_precision WHEN 'month' THEN strftime(e.event_day, '%Y-%m')
                    WHEN 'year' THEN strftime(e.event_day, '%Y') END AS period,
               CASE WHEN e.location_geonameid IS NOT NULL AND coalesce(e.location_feature, '') NOT LIKE 'PCL%' THEN 2
                    WHEN e.location_country IS NOT NULL THEN 1 ELSE 0 END AS place_level,
               CASE place_level WHEN 2 THEN 'g' || e.location_geonameid
                    WHEN 1 THEN 'c' || e.location_country END AS place_key,
               CASE e.date_basis {basis_rank} ELSE 0 END AS basis_rank
        FROM events e LEFT JOIN articles a ON a.id = e.doc_id""",
        # Day-precision events chain into islands when consecutive days are within the window;
        # an island longer than max_span is cut into max_span-day parts.
        f"""CREATE OR REPLACE TEMP TABLE _inc_tc AS
        WITH g AS (
            SELECT event_id, fold_key, day,
                   CASE WHEN date_diff('day', lag(day) OVER w, day) > {window} THEN 1 ELSE 0 END AS brk
            FROM _inc_base WHERE fine
            WINDOW w AS (PARTITION BY fold_key ORDER BY day, event_id)),
        i AS (SELECT *, sum(brk) OVER (PARTITION BY fold_key ORDER BY day, event_id
                                       ROWS UNBOUNDED PRECEDING) AS island FROM g),
        s AS (SELECT *, floor(date_diff('day', min(day) OVER (PARTITION BY fold_key, island), day)
                              / {span})::BIGINT AS part FROM i)
        SELECT b.*, coalesce(s.fold_key || '#' || s.island || '.' || s.part,
                             b.fold_key || '#' || coalesce(b.period, 'undated')) AS tc,
               s.event_id IS NOT NULL AS fine_tc
        FROM _inc_base b LEFT JOIN s USING (event_id)""",
        # Within a time cluster: a named place anchors its own cluster; a country-only or
        # unknown place joins the most-reported compatible place.
        """CREATE OR REPLACE TEMP TABLE _inc_place AS
        WITH counts AS (
            SELECT tc, place_level, country, place_key, count(*) AS n FROM _inc_tc
            WHERE place_level > 0 GROUP BY ALL),
        best_in_country AS (
            SELECT tc, country, place_key FROM (
                SELECT *, row_number() OVER (PARTITION BY tc, country ORDER BY n DESC, place_key) AS rn
                FROM counts WHERE place_level = 2) WHERE rn = 1),
        best_any AS (
            SELECT tc, place_key, country FROM (
                SELECT *, row_number() OVER (PARTITION BY tc ORDER BY place_level DESC, n DESC, place_key) AS rn
                FROM counts) WHERE rn = 1)
        SELECT t.*,
               CASE t.place_level WHEN 2 THEN t.place_key WHEN 1 THEN coalesce(c.place_key, t.place_key)
                    ELSE coalesce(a.place_key, 'any') END AS anchor,
               CASE WHEN t.place_level > 0 THEN t.country ELSE a.country END AS anchor_country
        FROM _inc_tc t
        LEFT JOIN best_in_country c ON c.tc = t.tc AND c.country = t.country
        LEFT JOIN best_any a ON a.tc = t.tc""",
        # A month- or year-dated cluster joins the largest compatible day-dated cluster in its period.
        """CREATE OR REPLACE TEMP TABLE _inc_cluster AS
        WITH cl AS (
            SELECT tc || '@' || anchor AS cluster, any_value(fold_key) AS fold_key, bool_and(fine_tc) AS fine,
                   any_value(period) AS period, min(day) AS first_day, any_value(anchor) AS anchor,
                   any_value(anchor_country) AS anchor_country, count(*) AS n
            FROM _inc_place GROUP BY tc, anchor),
        fine AS (SELECT *, strftime(first_day, '%Y-%m') AS month, strftime(first_day, '%Y') AS year
                 FROM cl WHERE fine),
        attach AS (
            SELECT c.cluster, f.cluster AS target,
                   row_number() OVER (PARTITION BY c.cluster ORDER BY f.n DESC, f.cluster) AS rn
            FROM cl c JOIN fine f ON f.fold_key = c.fold_key
                 AND (f.month = c.period OR f.year = c.period)
            WHERE NOT c.fine AND c.period IS NOT NULL
              AND (c.anchor = 'any' OR f.anchor = 'any' OR c.anchor = f.anchor
                   OR (c.anchor LIKE 'c%' AND c.anchor_country = f.anchor_country)
                   OR (f.anchor LIKE 'c%' AND f.anchor_country = c.anchor_country)))
        SELECT p.*, coalesce(a.target, p.tc || '@' || p.anchor) AS cluster
        FROM _inc_place p LEFT JOIN attach a ON a.cluster = p.tc || '@' || p.anchor AND a.rn = 1""",
        """INSERT INTO incident_events
        SELECT 'inc-' || substr(md5(min(event_id) OVER (PARTITION BY cluster)), 1, 16), event_id
        FROM _inc_cluster""",
        """INSERT INTO incidents
        WITH m AS (
            SELECT ie.incident_id, c.*,
                   row_number() OVER (PARTITION BY ie.incident_id ORDER BY c.basis_rank DESC,
                       c.place_level DESC, c.confidence DESC, c.mentions DESC, c.event_id) AS rn
            FROM incident_events ie JOIN _inc_cluster c USING (event_id)),
        agg AS (
            SELECT incident_id, min(day) AS first_date, max(day) AS last_date, count(*) AS n_events,
                   sum(mentions) AS n_mentions, count(DISTINCT doc_id) AS n_articles,
                   count(DISTINCT publisher) AS n_sources, max(confidence) AS confidence,
                   list(event_id ORDER BY day, event_id) AS event_ids
            FROM m GROUP BY incident_id)
        SELECT agg.incident_id, e.event_id, e.source_code, e.source_name, e.source_country,
               e.target_code, e.target_name, e.target_country, e.cameo_code, e.cameo_root, e.cameo_name,
               e.goldstein, e.quad, e.plover_type, e.mode, e.event_date, e.date_precision,
               e.location_name, e.location_country, e.location_lat, e.location_lon, e.location_geonameid,
               e.text, agg.first_date, agg.last_date, agg.n_events, agg.n_mentions, agg.n_articles,
               agg.n_sources, agg.confidence, agg.event_ids
        FROM agg JOIN m ON m.incident_id = agg.incident_id AND m.rn = 1
        JOIN events e ON e.event_id = m.event_id""",
        "DROP TABLE IF EXISTS _inc_base; DROP TABLE IF EXISTS _inc_tc; "
        "DROP TABLE IF EXISTS _inc_place; DROP TABLE IF EXISTS _inc_cluster",
    ]
