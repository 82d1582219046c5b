# Inputs every test file of this module starts from (terraform test reads this file for each of them; a file's
# or a run's own variables override these).
name               = "ticks"
cluster_arn        = "arn:aws:kafka:eu-west-1:123456789012:cluster/demo/0b1c2d3e-1111-2222-3333-444455556666-2"
bootstrap_servers  = "b-1.demo.kafka.eu-west-1.amazonaws.com:9098,b-2.demo.kafka.eu-west-1.amazonaws.com:9098"
topic              = "stock-ticks"
subnet_ids         = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]
security_group_ids = ["sg-0123abcd"]
