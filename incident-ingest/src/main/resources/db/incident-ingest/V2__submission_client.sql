-- Which authenticated police system (OAuth2 client id) submitted each accepted revision: accountability for what
-- was published. Null for revisions accepted before clients were authenticated.
alter table incident_submission add column client_id varchar(200);
