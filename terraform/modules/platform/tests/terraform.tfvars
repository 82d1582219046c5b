# Inputs every test file of this module starts from (terraform test reads this file for each of them; a file's
# or a run's own variables override these).
environment               = "test"
network                   = { vpc_cidr = "10.60.0.0/16", az_count = 2, nat_gateway_mode = "single" }
cluster                   = { broker_count = 2, broker_instance_type = "kafka.t3.small", broker_volume_size = 20 }
use_customer_managed_keys = false
topics                    = [{ name = "msk-events", partitions = 3, replication_factor = 2 }]
log_retention_in_days     = 14
functions = {
  logger_package_path    = "../msk-lambda/tests/fixtures/function.zip"
  forwarder_package_path = "../msk-lambda/tests/fixtures/function.zip"
}
