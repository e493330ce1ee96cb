-- Blocking keys (BlockingKeys): SOUNDEX_YEAR (family name's Soundex and birth year) becomes SOUNDEX_INITIAL_YEAR (with a
-- given-name initial too). In a directory of 200,000 children a Soundex-and-year key held about fifty children on
-- average and up to a thousand, and scoring them dominated routing; with the initial, candidates per incident child
-- fell from about 220 to 40 in the synthetic evaluation, with the same precision and recall (README "Finding the right
-- child"). The old keys go now; every child is marked for the blocking-key catch-up, which keys it afresh at startup
-- and in the background (until it has, a child is still found by its other keys).
delete from child_blocking_key where key like 'SOUNDEX\_YEAR:%';
update child set keys_updated_at = null;
