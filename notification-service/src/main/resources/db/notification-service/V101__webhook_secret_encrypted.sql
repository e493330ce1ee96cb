-- Webhook signing secrets are stored encrypted (enc:v1: + base64 of nonce, ciphertext and tag): wider than the secret.
alter table webhook_endpoint alter column secret type varchar(1024);
