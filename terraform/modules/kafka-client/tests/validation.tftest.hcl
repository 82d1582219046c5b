# One run per validation rule of the kafka-client module.
#
# The runs that expect a rejection plan tests/inputs, which links the module's variable declarations and
# nothing else: the rules live there, and without the resources no provider starts, so a run takes
# milliseconds instead of a second (scripts/terraform-check checks that the links cover every variable).

mock_provider "aws" {
  source = "../../tests/mocks"
}

run "rejects_name_with_dot" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    name = "client.one"
  }

  expect_failures = [var.name]
}

run "rejects_instance_type_malformed" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    instance_type = "small"
  }

  expect_failures = [var.instance_type]
}

run "rejects_architecture_unknown" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    architecture = "i386"
  }

  expect_failures = [var.architecture]
}

run "rejects_ami_malformed" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    ami_id = "al2023"
  }

  expect_failures = [var.ami_id]
}

run "rejects_root_volume_too_small" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    root_volume_size = 4
  }

  expect_failures = [var.root_volume_size]
}

run "rejects_cluster_arn_malformed" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    cluster_arn = "arn:aws:kafka:eu-west-1:123456789012:cluster/demo"
  }

  expect_failures = [var.cluster_arn]
}

run "rejects_cli_checksum_malformed" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    kafka_cli = { version = "3.8.1", checksum = "abc" }
  }

  expect_failures = [var.kafka_cli]
}

run "rejects_no_pinned_cli_for_version" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    kafka_version = "3.8.x"
  }

  expect_failures = [var.kafka_cli]
}

run "rejects_iam_auth_1x" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    msk_iam_auth_version = "1.1.1"
  }

  expect_failures = [var.msk_iam_auth_version]
}

run "rejects_iam_auth_sha_malformed" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    msk_iam_auth_sha256 = "XYZ"
  }

  expect_failures = [var.msk_iam_auth_sha256]
}

run "rejects_scram_secret_wrong_prefix" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    scram_secret_arn  = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:demo-AbCdEf"
    scram_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1"
  }

  expect_failures = [var.scram_secret_arn]
}

run "rejects_scram_without_key" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    scram_secret_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_demo-AbCdEf"
  }

  expect_failures = [var.scram_kms_key_arn]
}

run "rejects_topic_pattern_empty" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    topic_patterns = [""]
  }

  expect_failures = [var.topic_patterns]
}
