-- Each child by age and setting: the early-years setting (nursery, childminder) of a child under school age, the
-- college of a 16-17 year old in further education, and whether the child is educated at home, with the local
-- authority whose officer is then told (in place of a school).
alter table child add column early_years_org_id     varchar(64);
alter table child add column college_org_id         varchar(64);
alter table child add column home_educated          boolean      not null default false;
alter table child add column local_authority_org_id varchar(64);
