# Second-plan behaviour of the broker volume size (its own file: a fresh state whose cluster is created at 500 GiB).

mock_provider "aws" {
  source = "../../tests/mocks"
}

# Storage auto scaling grows the volumes outside Terraform. The next plans must leave the size alone (MSK cannot
# shrink a volume), while a raised ebs_volume_size still reaches the brokers through the scaling target's minimum.
run "storage_autoscaling_created_at_500_gib" {
  command = apply

  variables {
    ebs_volume_size        = 500
    storage_autoscaling    = { enabled = true, max_volume_size = 2000 }
    broker_log_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/22222222-2222-3333-4444-555555555555"
  }

  assert {
    condition     = aws_msk_cluster.this[0].broker_node_group_info[0].storage_info[0].ebs_storage_info[0].volume_size == 500 && aws_appautoscaling_target.storage[0].min_capacity == 500
    error_message = "The cluster is created with the requested size, which is also the scaling minimum."
  }

  assert {
    condition     = aws_cloudwatch_log_group.this[0].kms_key_id == "arn:aws:kms:eu-west-1:123456789012:key/22222222-2222-3333-4444-555555555555"
    error_message = "The broker log group must be encrypted with the given key."
  }
}

run "next_plan_below_the_grown_volume_does_not_shrink_it" {
  command = plan

  variables {
    ebs_volume_size        = 400
    storage_autoscaling    = { enabled = true, max_volume_size = 2000 }
    broker_log_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/22222222-2222-3333-4444-555555555555"
  }

  assert {
    condition     = aws_msk_cluster.this[0].broker_node_group_info[0].storage_info[0].ebs_storage_info[0].volume_size == 500
    error_message = "A configured size below the volume in state must not plan a shrink (MSK refuses it)."
  }
}

run "raising_the_size_goes_through_the_scaling_target" {
  command = plan

  variables {
    ebs_volume_size        = 800
    storage_autoscaling    = { enabled = true, max_volume_size = 2000 }
    broker_log_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/22222222-2222-3333-4444-555555555555"
  }

  assert {
    condition     = aws_msk_cluster.this[0].broker_node_group_info[0].storage_info[0].ebs_storage_info[0].volume_size == 500 && aws_appautoscaling_target.storage[0].min_capacity == 800
    error_message = "The cluster's size is left to Application Auto Scaling, whose minimum follows ebs_volume_size."
  }
}
