# Default path and options of the secure-bucket module. The bucket policy is rendered by the real provider and
# asserted as S3 receives it; every resource is overridden, so nothing calls AWS.

provider "aws" {
  region                      = "eu-west-1"
  access_key                  = "offline-test"
  secret_key                  = "offline-test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  max_retries                 = 1
}

override_resource {
  target = aws_s3_bucket.this
  values = { arn = "arn:aws:s3:::msk-demo-output-0001", id = "msk-demo-output-0001", bucket = "msk-demo-output-0001" }
}

override_resource {
  target = aws_s3_bucket_public_access_block.this
}

override_resource {
  target = aws_s3_bucket_ownership_controls.this
}

override_resource {
  target = aws_s3_bucket_server_side_encryption_configuration.this
}

override_resource {
  target = aws_s3_bucket_versioning.this
}

override_resource {
  target = aws_s3_bucket_lifecycle_configuration.this
}

override_resource {
  target = aws_s3_bucket_logging.this
}

override_resource {
  target = aws_s3_bucket_policy.this
}

variables {
  bucket_prefix = "msk-demo-output-"
}

run "defaults_are_private_encrypted_tls_only" {
  command = apply

  assert {
    condition     = alltrue(values(output.public_access_block))
    error_message = "All public access must be blocked."
  }

  assert {
    condition     = aws_s3_bucket_ownership_controls.this[0].rule[0].object_ownership == "BucketOwnerEnforced"
    error_message = "ACLs must be disabled (bucket owner enforced)."
  }

  assert {
    condition     = output.sse_algorithm == "AES256" && !one(aws_s3_bucket_server_side_encryption_configuration.this[0].rule).bucket_key_enabled
    error_message = "SSE-S3 by default."
  }

  assert {
    condition     = [for s in output.policy_statements : s.Sid] == ["DenyInsecureTransport", "DenyOutdatedTls"]
    error_message = "Plain HTTP and TLS < 1.2 are denied by default, nothing else."
  }

  assert {
    condition = (
      output.policy_statements[0].Effect == "Deny" && output.policy_statements[0].Principal == "*" && output.policy_statements[0].Action == "s3:*" &&
      output.policy_statements[0].Condition == { Bool = { "aws:SecureTransport" = "false" } } &&
      toset(output.policy_statements[0].Resource) == toset(["arn:aws:s3:::msk-demo-output-0001", "arn:aws:s3:::msk-demo-output-0001/*"])
    )
    error_message = "Every request without TLS, by anyone, to the bucket and its objects is denied."
  }

  assert {
    condition     = output.policy_statements[1].Effect == "Deny" && output.policy_statements[1].Condition == { NumericLessThan = { "s3:TlsVersion" = "1.2" } }
    error_message = "Requests over TLS older than 1.2 are denied."
  }

  assert {
    condition     = length(output.kms_encryption_context_arns) == 0
    error_message = "SSE-S3 objects carry no KMS encryption context."
  }

  assert {
    condition     = output.versioning_status == null && length(aws_s3_bucket_versioning.this) == 0 && length(aws_s3_bucket_lifecycle_configuration.this) == 0 && length(aws_s3_bucket_logging.this) == 0
    error_message = "Versioning, lifecycle and access logging are opt-in."
  }
}

run "kms_versioning_lifecycle_logging" {
  command = apply

  variables {
    sse_algorithm = "aws:kms"
    kms_key_arn   = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    versioning    = "Enabled"
    lifecycle_rules = [
      { id = "abort", abort_incomplete_multipart_upload_days = 7 },
      { id = "tiering", intelligent_tiering_after_days = 1, noncurrent_version_expiration_days = 30, expiration_days = 365 },
    ]
    access_logging = { target_bucket = "msk-demo-logs", target_prefix = "s3-access/" }
  }

  assert {
    condition     = output.sse_algorithm == "aws:kms" && one(aws_s3_bucket_server_side_encryption_configuration.this[0].rule).bucket_key_enabled
    error_message = "SSE-KMS with bucket keys."
  }

  # With S3 Bucket Keys S3 asks KMS with the bucket ARN as encryption context, not the object ARN.
  assert {
    condition     = output.kms_encryption_context_arns == tolist(["arn:aws:s3:::msk-demo-output-0001"])
    error_message = "KMS conditions of the bucket's users must name the bucket ARN."
  }

  assert {
    condition     = output.versioning_status == "Enabled" && output.access_logging_target_prefix == "s3-access/"
    error_message = "Versioning and access logging as requested."
  }

  assert {
    condition     = [for r in output.lifecycle_rules : r.id] == ["abort", "tiering"] && output.lifecycle_rules[0].abort_incomplete_multipart_upload[0].days_after_initiation == 7 && length(output.lifecycle_rules[0].transition) == 0
    error_message = "Rules keep their order and only the actions they set."
  }

  assert {
    condition     = one(output.lifecycle_rules[1].transition).storage_class == "INTELLIGENT_TIERING" && one(output.lifecycle_rules[1].noncurrent_version_expiration).noncurrent_days == 30 && one(output.lifecycle_rules[1].expiration).days == 365
    error_message = "Tiering, non-current expiration and expiration as given."
  }
}

run "server_access_log_target" {
  command = apply

  variables {
    deny_outdated_tls         = false
    server_access_logs_source = { bucket_arns = ["arn:aws:s3:::msk-demo-output"], account_id = "123456789012", prefix = "s3-access/" }
  }

  assert {
    condition     = [for s in output.policy_statements : s.Sid] == ["DenyInsecureTransport", "AllowServerAccessLogsFromOutputBucket"]
    error_message = "Only the plain-HTTP deny and the log delivery statement."
  }

  assert {
    condition = (
      output.policy_statements[1].Effect == "Allow" &&
      output.policy_statements[1].Principal == { Service = "logging.s3.amazonaws.com" } &&
      output.policy_statements[1].Action == "s3:PutObject" &&
      output.policy_statements[1].Resource == "arn:aws:s3:::msk-demo-output-0001/s3-access/*" &&
      output.policy_statements[1].Condition == {
        ArnLike      = { "aws:SourceArn" = "arn:aws:s3:::msk-demo-output" }
        StringEquals = { "aws:SourceAccount" = "123456789012" }
      }
    )
    error_message = "Log delivery may only put objects under the prefix, only for the given bucket and account."
  }
}

run "create_false_plans_nothing" {
  command = plan

  variables {
    create = false
  }

  assert {
    condition     = length(aws_s3_bucket.this) == 0 && length(aws_s3_bucket_policy.this) == 0 && output.bucket_arn == null && output.public_access_block == null
    error_message = "create = false must plan no resources."
  }
}
