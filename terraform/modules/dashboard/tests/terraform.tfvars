# Inputs every test file of this module starts from (terraform test reads this file for each of them; a file's
# or a run's own variables override these).
dashboard_name = "msk-demo-eu-west-1"
cluster_name   = "msk-demo"
broker_count   = 3
