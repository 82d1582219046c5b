# Inputs every test file of this module starts from (terraform test reads this file for each of them; a file's
# or a run's own variables override these).
name       = "msk-demo"
vpc_id     = "vpc-0123456789abcdef0"
subnet_ids = ["subnet-0a", "subnet-0b", "subnet-0c"]
