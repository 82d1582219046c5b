# Inputs every test file of this module starts from (terraform test reads this file for each of them; a file's
# or a run's own variables override these).
name                      = "msk-demo-client"
vpc_id                    = "vpc-0123456789abcdef0"
subnet_id                 = "subnet-0a"
cluster_arn               = "arn:aws:kafka:eu-west-1:123456789012:cluster/demo/0b1c2d3e-1111-2222-3333-444455556666-2"
cluster_security_group_id = "sg-0cccccccccccccccc"
kafka_version             = "4.1.x.kraft"
