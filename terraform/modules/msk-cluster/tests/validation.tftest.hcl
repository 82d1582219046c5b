# One run per validation rule of the msk-cluster module.
#
# The runs that expect a rejection plan tests/inputs, which links the module's variable declarations and
# nothing else: the rules live there, and without the resources no provider starts, so a run takes
# milliseconds instead of a second (scripts/terraform-check checks that the links cover every variable).

mock_provider "aws" {
  source = "../../tests/mocks"
}

run "rejects_name_starting_with_digit" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    name = "1msk"
  }

  expect_failures = [var.name]
}

run "rejects_kafka_version_out_of_support" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    kafka_version = "3.5.1"
  }

  expect_failures = [var.kafka_version]
}

run "rejects_single_broker" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    number_of_broker_nodes = 1
  }

  expect_failures = [var.number_of_broker_nodes]
}

run "rejects_brokers_not_multiple_of_subnets" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    number_of_broker_nodes = 4
  }

  expect_failures = [var.number_of_broker_nodes]
}

run "rejects_broker_type_unknown" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    broker_instance_type = "kafka.m6i.large"
  }

  expect_failures = [var.broker_instance_type]
}

run "rejects_ebs_above_maximum" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    ebs_volume_size = 16385
  }

  expect_failures = [var.ebs_volume_size]
}

run "rejects_ebs_zero" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    ebs_volume_size = 0
  }

  expect_failures = [var.ebs_volume_size]
}

run "rejects_autoscaling_max_not_above_size" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    storage_autoscaling = { enabled = true, max_volume_size = 500 }
  }

  expect_failures = [var.storage_autoscaling]
}

run "rejects_autoscaling_target_above_80" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    storage_autoscaling = { target_utilization_percent = 90 }
  }

  expect_failures = [var.storage_autoscaling]
}

run "rejects_monitoring_level_unknown" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    enhanced_monitoring = "PER_TOPIC"
  }

  expect_failures = [var.enhanced_monitoring]
}

run "rejects_vpc_id_malformed" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    vpc_id = "my-vpc"
  }

  expect_failures = [var.vpc_id]
}

run "rejects_one_subnet" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    subnet_ids             = ["subnet-0a"]
    number_of_broker_nodes = 2
  }

  expect_failures = [var.subnet_ids]
}

run "rejects_four_subnets" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    subnet_ids             = ["subnet-0a", "subnet-0b", "subnet-0c", "subnet-0d"]
    number_of_broker_nodes = 4
  }

  expect_failures = [var.subnet_ids]
}

run "rejects_cidr_open_to_world" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    allowed_cidr_blocks = ["0.0.0.0/0"]
  }

  expect_failures = [var.allowed_cidr_blocks]
}

run "rejects_cidr_malformed" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    allowed_cidr_blocks = ["10.0.0.0/33"]
  }

  expect_failures = [var.allowed_cidr_blocks]
}

run "rejects_no_access_method" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    client_authentication = { iam = false }
  }

  expect_failures = [var.client_authentication]
}

run "rejects_scram_user_invalid" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    client_authentication = { scram = true }
    scram_users           = ["bad user"]
  }

  expect_failures = [var.scram_users]
}

run "rejects_scram_users_without_scram" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    scram_users = ["lambda"]
  }

  expect_failures = [var.scram_users]
}

run "rejects_kms_key_arn_malformed" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    kms_key_arn = "alias/aws/kafka"
  }

  expect_failures = [var.kms_key_arn]
}

run "rejects_kms_key_arn_with_create" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    create_kms_key = true
    kms_key_arn    = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
  }

  expect_failures = [var.kms_key_arn]
}

run "rejects_firehose_access_on_t3_small" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    firehose_private_access = true
    broker_instance_type    = "kafka.t3.small"
  }

  expect_failures = [var.firehose_private_access]
}

run "rejects_firehose_access_without_iam" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    firehose_private_access = true
    client_authentication   = { iam = false, scram = true }
  }

  expect_failures = [var.firehose_private_access]
}

run "rejects_log_retention_not_allowed" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    broker_log_retention_in_days = 731000
  }

  expect_failures = [var.broker_log_retention_in_days]
}

run "rejects_broker_log_kms_key_malformed" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    broker_log_kms_key_arn = "alias/aws/logs"
  }

  expect_failures = [var.broker_log_kms_key_arn]
}
