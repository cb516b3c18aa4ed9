// One school board's deployment: copy this file, fill in your own values, and deploy it (../README.md, step 3).
// Secrets never go in this file: they go into Key Vault (step 4).
using 'main.bicep'

// Short name for every resource: lower-case letters and digits.
param name = 'spoutrecht'

// Empty on the first run (step 3); the image you built in step 5 on the second run (step 6).
param image = ''

// Twilio Console, Account Info: the Account SID (the auth token goes into Key Vault, never here).
param twilioAccountSid = 'AC00000000000000000000000000000000'

// Each school that gets its own office key (the `id` in its dialogs file); the board's key opens every school.
param schoolKeyIds = [
  'de-driehoek'
  'de-regenboog'
]

// The board's mail server for teacher notices and digests (empty: no e-mail).
param smtpHost = 'smtp.office365.com'
param smtpFrom = 'OuderBot <ouderbot@spoutrecht.example>'
param smtpUsername = 'ouderbot@spoutrecht.example'

// Two instances always, up to six on a busy evening.
param minReplicas = 2
param maxReplicas = 6

// Your own id, so you may put the secrets into Key Vault: az ad signed-in-user show --query id -o tsv
param vaultAdminPrincipalId = ''
