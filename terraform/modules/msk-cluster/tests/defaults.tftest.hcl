# Default path, feature switches and security invariants of the msk-cluster module.

mock_provider "aws" {
  source = "../../tests/mocks"
}

run "defaults_iam_tls_only_newest_kafka" {
  command = apply

  assert {
    condition     = aws_msk_cluster.this[0].kafka_version == "4.1.x.kraft" && aws_msk_cluster.this[0].number_of_broker_nodes == 3
    error_message = "Defaults: newest supported Kafka, 3 brokers."
  }

  # TLS only in transit, in-cluster TLS on.
  assert {
    condition     = aws_msk_cluster.this[0].encryption_info[0].encryption_in_transit[0].client_broker == "TLS" && aws_msk_cluster.this[0].encryption_info[0].encryption_in_transit[0].in_cluster
    error_message = "Client-broker traffic must be TLS only, and in-cluster encryption on."
  }

  assert {
    condition     = aws_msk_cluster.this[0].client_authentication[0].sasl[0].iam && !aws_msk_cluster.this[0].client_authentication[0].sasl[0].scram && !aws_msk_cluster.this[0].client_authentication[0].unauthenticated
    error_message = "IAM only by default."
  }

  # Only the IAM listener, only from the cluster's own group; never from 0.0.0.0/0.
  assert {
    condition     = keys(aws_vpc_security_group_ingress_rule.this) == ["self-iam"] && aws_vpc_security_group_ingress_rule.this["self-iam"].from_port == 9098
    error_message = "Only port 9098 from the cluster's own group is open by default."
  }

  assert {
    condition     = alltrue([for r in aws_vpc_security_group_ingress_rule.this : r.cidr_ipv4 != "0.0.0.0/0"])
    error_message = "No ingress from 0.0.0.0/0."
  }

  assert {
    condition     = aws_cloudwatch_log_group.this[0].retention_in_days == 30 && aws_msk_cluster.this[0].logging_info[0].broker_logs[0].cloudwatch_logs[0].enabled
    error_message = "Broker logs go to CloudWatch with a retention."
  }

  assert {
    condition = alltrue([
      strcontains(aws_msk_configuration.this[0].server_properties, "auto.create.topics.enable=false"),
      strcontains(aws_msk_configuration.this[0].server_properties, "default.replication.factor=3"),
      strcontains(aws_msk_configuration.this[0].server_properties, "min.insync.replicas=2"),
    ])
    error_message = "Configuration: no auto-creation, replication 3, min ISR 2."
  }

  assert {
    condition     = aws_msk_cluster.this[0].open_monitoring[0].prometheus[0].jmx_exporter[0].enabled_in_broker
    error_message = "Open monitoring must be enabled."
  }

  assert {
    condition     = output.kms_key_arn == null && length(aws_secretsmanager_secret.scram) == 0 && length(aws_msk_cluster_policy.this) == 0
    error_message = "No CMK, SCRAM secrets or cluster policy by default."
  }

  assert {
    condition     = output.cluster_uuid == "0b1c2d3e-1111-2222-3333-444455556666-2" && output.kraft
    error_message = "Outputs must expose the cluster UUID and the metadata mode."
  }
}

run "two_brokers_lower_replication" {
  command = plan

  variables {
    number_of_broker_nodes = 2
    subnet_ids             = ["subnet-0a", "subnet-0b"]
    broker_instance_type   = "kafka.t3.small"
  }

  assert {
    condition     = strcontains(aws_msk_configuration.this[0].server_properties, "default.replication.factor=2") && strcontains(aws_msk_configuration.this[0].server_properties, "min.insync.replicas=1")
    error_message = "With 2 brokers replication is 2 and min ISR 1."
  }
}

run "all_access_methods_scram_users_cmk_and_clients" {
  command = apply

  variables {
    client_authentication         = { unauthenticated = true, iam = true, scram = true }
    scram_users                   = ["lambda", "client"]
    client_security_group_ids     = { kafka_client = "sg-0aaaaaaaaaaaaaaaa" }
    allowed_cidr_blocks           = ["10.20.0.0/16"]
    monitoring_security_group_ids = { prometheus = "sg-0bbbbbbbbbbbbbbbb" }
  }

  assert {
    condition     = length(aws_vpc_security_group_ingress_rule.this) == 11
    error_message = "3 listeners x (self, client, CIDR) + 2 exporter ports = 11 rules."
  }

  assert {
    condition     = toset([for r in aws_vpc_security_group_ingress_rule.this : r.from_port]) == toset([9094, 9096, 9098, 11001, 11002])
    error_message = "Only listener and exporter ports may be open (never 9092 plaintext)."
  }

  assert {
    condition     = output.kms_key_arn != null && output.kms_key_arn == module.kms_key.key_arn
    error_message = "SCRAM users need a customer-managed key (MSK refuses secrets under the AWS-managed key)."
  }

  assert {
    condition     = alltrue([for s in aws_secretsmanager_secret.scram : startswith(s.name, "AmazonMSK_") && s.kms_key_id == output.kms_key_arn])
    error_message = "SCRAM secrets must be named AmazonMSK_* and use the customer key."
  }

  assert {
    condition     = length(aws_secretsmanager_secret.scram) == 2 && aws_msk_scram_secret_association.this[0].cluster_arn == aws_msk_cluster.this[0].arn && toset(values(aws_secretsmanager_secret.scram)[*].arn) == aws_msk_scram_secret_association.this[0].secret_arn_list
    error_message = "One secret per user, all associated to the cluster."
  }

  assert {
    condition     = aws_msk_cluster.this[0].encryption_info[0].encryption_at_rest_kms_key_arn == output.kms_key_arn
    error_message = "Encryption at rest must use the customer key."
  }
}

run "zookeeper_version_storage_autoscaling_and_firehose_access" {
  command = apply

  variables {
    kafka_version           = "3.9.x"
    create_kms_key          = true
    storage_autoscaling     = { enabled = true, max_volume_size = 2000 }
    firehose_private_access = true
  }

  assert {
    condition     = !output.kraft
    error_message = "3.9.x is a ZooKeeper version."
  }

  assert {
    condition     = aws_appautoscaling_target.storage[0].max_capacity == 2000 && aws_appautoscaling_policy.storage[0].target_tracking_scaling_policy_configuration[0].target_value == 60
    error_message = "Storage auto scaling must be configured."
  }

  assert {
    condition     = aws_msk_cluster.this[0].broker_node_group_info[0].connectivity_info[0].vpc_connectivity[0].client_authentication[0].sasl[0].iam
    error_message = "Multi-VPC IAM connectivity must be on for Firehose."
  }

  assert {
    condition     = length(aws_msk_cluster_policy.this) == 1
    error_message = "The cluster policy for Firehose must exist."
  }
}

run "create_false_plans_nothing" {
  command = plan

  variables {
    create = false
  }

  assert {
    condition     = length(aws_msk_cluster.this) == 0 && length(aws_security_group.this) == 0 && length(aws_msk_configuration.this) == 0 && length(aws_vpc_security_group_ingress_rule.this) == 0
    error_message = "create = false must plan no resources."
  }

  assert {
    condition     = output.cluster_arn == null && output.kms_key_arn == null
    error_message = "Outputs must be null when nothing is created."
  }
}
