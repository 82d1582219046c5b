# Inputs every test file of this module starts from (terraform test reads this file for each of them).
kind               = "application"
name               = "ticks-sql"
cluster_arn        = "arn:aws:kafka:eu-west-1:123456789012:cluster/demo/0b1c2d3e-1111-2222-3333-444455556666-2"
bootstrap_servers  = "b-1.demo:9098"
topic              = "stock-ticks"
consumer_group_id  = "flink-sql-stock-ticks"
subnet_ids         = ["subnet-0a1b2c3d"]
security_group_ids = ["sg-0123abcd"]
output_bucket_arn  = "arn:aws:s3:::output-bucket"
output_prefix      = "flink/stock-ticks"
