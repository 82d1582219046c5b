# One run per validation rule of the firehose-s3 module.
#
# The runs that expect a rejection plan tests/inputs, which links the module's variable declarations and
# nothing else: the rules live there, and without the resources no provider starts, so a run takes
# milliseconds instead of a second (scripts/terraform-check checks that the links cover every variable).

mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  name = "msk-demo"
}

run "rejects_name_with_uppercase" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    name = "MSK-Demo"
  }

  expect_failures = [var.name]
}

run "rejects_kms_key_arn_malformed" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    create_kms_key = false
    kms_key_arn    = "alias/demo"
  }

  expect_failures = [var.kms_key_arn]
}

run "rejects_kms_key_arn_with_create" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
  }

  expect_failures = [var.kms_key_arn]
}

run "rejects_kms_deletion_window_too_short" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    kms_deletion_window_in_days = 3
  }

  expect_failures = [var.kms_deletion_window_in_days]
}

run "rejects_lifecycle_abort_zero" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    lifecycle_rules = { abort_incomplete_multipart_upload_days = 0 }
  }

  expect_failures = [var.lifecycle_rules]
}

run "rejects_access_logs_retention_zero" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    access_logs_retention_days = 0
  }

  expect_failures = [var.access_logs_retention_days]
}

run "rejects_buffering_size_above_maximum" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    buffering_size = 129
  }

  expect_failures = [var.buffering_size]
}

run "rejects_buffering_size_zero" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    buffering_size = 0
  }

  expect_failures = [var.buffering_size]
}

run "rejects_buffering_interval_above_maximum" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    buffering_interval = 901
  }

  expect_failures = [var.buffering_interval]
}

run "rejects_compression_unknown" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    compression_format = "BZIP2"
  }

  expect_failures = [var.compression_format]
}

run "rejects_prefix_too_long" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    prefix = join("", [for i in range(110) : "abcdefghij"])
  }

  expect_failures = [var.prefix]
}

run "rejects_error_prefix_without_error_type" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    error_output_prefix = "errors/"
  }

  expect_failures = [var.error_output_prefix]
}

run "rejects_file_extension_without_dot" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    file_extension = "json"
  }

  expect_failures = [var.file_extension]
}

run "rejects_log_retention_not_allowed" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    log_retention_in_days = 2
  }

  expect_failures = [var.log_retention_in_days]
}

run "rejects_dp_jq_query_empty" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    buffering_size       = 64
    dynamic_partitioning = { enabled = true, jq_query = "" }
  }

  expect_failures = [var.dynamic_partitioning]
}

run "rejects_dp_sub_record_type_unknown" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    dynamic_partitioning = { sub_record_type = "CSV" }
  }

  expect_failures = [var.dynamic_partitioning]
}

run "rejects_dp_retry_duration_too_long" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    dynamic_partitioning = { retry_duration = 7201 }
  }

  expect_failures = [var.dynamic_partitioning]
}

run "rejects_dp_prefix_without_partition_key" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    buffering_size       = 64
    dynamic_partitioning = { enabled = true, partitioned_prefix = "data/" }
  }

  expect_failures = [var.dynamic_partitioning]
}

run "rejects_dp_small_buffer" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    dynamic_partitioning = { enabled = true }
  }

  expect_failures = [var.dynamic_partitioning]
}

run "rejects_msk_source_bad_arn" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    msk_source = { cluster_arn = "arn:aws:kafka:eu-west-1:123456789012:cluster/demo", topic_name = "orders" }
  }

  expect_failures = [var.msk_source]
}

run "rejects_msk_source_bad_connectivity" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    msk_source = { cluster_arn = "arn:aws:kafka:eu-west-1:123456789012:cluster/demo/uuid-1", topic_name = "orders", connectivity = "VPC" }
  }

  expect_failures = [var.msk_source]
}

run "rejects_msk_source_bad_topic" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    msk_source = { cluster_arn = "arn:aws:kafka:eu-west-1:123456789012:cluster/demo/uuid-1", topic_name = "bad topic" }
  }

  expect_failures = [var.msk_source]
}

run "rejects_glue_database_with_dashes" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    glue_database_name = "msk-demo"
  }

  expect_failures = [var.glue_database_name]
}

run "rejects_log_kms_key_malformed" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    log_kms_key_arn = "alias/aws/logs"
  }

  expect_failures = [var.log_kms_key_arn]
}

run "rejects_query_without_a_database" {
  command = plan
  module { source = "./tests/inputs" }
  variables {
    query = { enabled = true }
  }
  expect_failures = [var.query]
}

run "rejects_query_over_dynamically_partitioned_output" {
  command = plan
  module { source = "./tests/inputs" }
  variables {
    glue_database_name   = "msk_demo"
    buffering_size       = 64
    dynamic_partitioning = { enabled = true }
    query                = { enabled = true }
  }
  expect_failures = [var.query]
}

run "rejects_query_over_a_prefix_without_the_date_layout" {
  command = plan
  module { source = "./tests/inputs" }
  variables {
    glue_database_name = "msk_demo"
    prefix             = "data/!{timestamp:yyyy-MM-dd}/"
    query              = { enabled = true }
  }
  expect_failures = [var.query]
}

run "rejects_query_over_snappy_objects" {
  command = plan
  module { source = "./tests/inputs" }
  variables {
    glue_database_name = "msk_demo"
    compression_format = "Snappy"
    query              = { enabled = true }
  }
  expect_failures = [var.query]
}

run "rejects_query_results_that_never_expire" {
  command = plan
  module { source = "./tests/inputs" }
  variables {
    query = { results_expiration_in_days = 0 }
  }
  expect_failures = [var.query]
}

run "rejects_a_table_name_with_hyphens" {
  command = plan
  module { source = "./tests/inputs" }
  variables {
    query = { table_name = "kafka-records" }
  }
  expect_failures = [var.query]
}
