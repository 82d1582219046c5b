# Default path, feature switches and security invariants of the kafka-client module.

mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  bootstrap_brokers = {
    sasl_iam = "b-1.demo.kafka.eu-west-1.amazonaws.com:9098,b-2.demo.kafka.eu-west-1.amazonaws.com:9098"
  }
}

run "defaults_ssm_only_imdsv2_encrypted" {
  command = apply

  assert {
    condition     = aws_instance.this[0].metadata_options[0].http_tokens == "required" && aws_instance.this[0].metadata_options[0].http_put_response_hop_limit == 1
    error_message = "IMDSv2 must be required."
  }

  assert {
    condition     = aws_instance.this[0].root_block_device[0].encrypted
    error_message = "The root volume must be encrypted."
  }

  assert {
    condition     = length(aws_security_group.this[0].ingress) == 0
    error_message = "The client must have no inbound rule (Session Manager only, no SSH)."
  }

  assert {
    condition     = aws_instance.this[0].ami == "ami-0123456789abcdef0" && aws_iam_role_policy_attachment.ssm[0].policy_arn == "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
    error_message = "Amazon Linux 2023 from SSM, managed by Session Manager."
  }

  assert {
    condition = alltrue([
      strcontains(aws_instance.this[0].user_data, "kafka_2.13-4.1.0.tgz"),
      strcontains(aws_instance.this[0].user_data, "85b4538470d1dcb98d0273286bfab8717065522e597ecfffcd4db83a3021758e"),
      strcontains(aws_instance.this[0].user_data, "sha256sum --check --strict"),
      strcontains(aws_instance.this[0].user_data, "aws-msk-iam-auth-2.3.2-all.jar"),
      strcontains(aws_instance.this[0].user_data, "java-21-amazon-corretto-headless"),
    ])
    error_message = "User data must install the matching Kafka CLI with its pinned checksum, the IAM auth library and a JDK."
  }

  assert {
    condition = alltrue([
      strcontains(aws_instance.this[0].user_data, "client-ssl.properties"),
      strcontains(aws_instance.this[0].user_data, "sasl.mechanism=AWS_MSK_IAM"),
      strcontains(aws_instance.this[0].user_data, "BOOTSTRAP_IAM=\"b-1.demo.kafka.eu-west-1.amazonaws.com:9098"),
      !strcontains(aws_instance.this[0].user_data, "client-sasl.properties"),
    ])
    error_message = "SSL and IAM property files plus the environment are written; no SASL file without SCRAM."
  }
}

run "scram_credentials_read_at_boot_never_baked_in" {
  command = plan

  variables {
    scram_secret_arn  = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_demo_client-AbCdEf"
    scram_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
  }

  assert {
    condition = alltrue([
      strcontains(aws_instance.this[0].user_data, "aws secretsmanager get-secret-value"),
      strcontains(aws_instance.this[0].user_data, "sasl.mechanism=SCRAM-SHA-512"),
      strcontains(aws_instance.this[0].user_data, "password=\"$${scram_password}\""),
    ])
    error_message = "client-sasl.properties must be filled from Secrets Manager at boot."
  }
}

run "explicit_cli_release_and_pinned_iam_jar" {
  command = plan

  variables {
    kafka_version       = "3.8.x"
    kafka_cli           = { version = "3.8.1", checksum = "0000000000000000000000000000000000000000000000000000000000000000", algorithm = "sha256" }
    msk_iam_auth_sha256 = "1111111111111111111111111111111111111111111111111111111111111111"
    architecture        = "arm64"
    instance_type       = "t4g.small"
  }

  assert {
    condition     = strcontains(aws_instance.this[0].user_data, "kafka_2.13-3.8.1.tgz") && strcontains(aws_instance.this[0].user_data, "echo \"1111111111111111111111111111111111111111111111111111111111111111  $${IAM_JAR}\"")
    error_message = "An explicit CLI release and a pinned IAM jar checksum must be used."
  }

  assert {
    condition     = data.aws_ssm_parameter.al2023[0].name == "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64"
    error_message = "arm64 must select the arm64 AL2023 AMI."
  }
}

run "zookeeper_cluster_uses_sha512_pinned_37_cli" {
  command = plan

  variables {
    kafka_version = "3.7.x"
  }

  assert {
    condition     = strcontains(aws_instance.this[0].user_data, "kafka_2.13-3.7.2.tgz") && strcontains(aws_instance.this[0].user_data, "sha512sum --check --strict")
    error_message = "3.7.x clusters get the 3.7.2 CLI verified with SHA-512."
  }
}

run "create_false_plans_nothing" {
  command = plan

  variables {
    create = false
  }

  assert {
    condition     = length(aws_instance.this) == 0 && length(aws_security_group.this) == 0 && length(aws_iam_role.this) == 0
    error_message = "create = false must plan no resources."
  }

  assert {
    condition     = output.instance_id == null
    error_message = "Outputs must be null when nothing is created."
  }
}
