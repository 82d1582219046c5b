# Inputs every test file of this module starts from (terraform test reads this file for each of them; a file's
# or a run's own variables override these).
name         = "msk-demo"
broker_count = 3
instance_id  = "i-0123456789abcdef0"
