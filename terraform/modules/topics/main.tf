locals {
  create = var.create

  topics = [for t in var.topics : {
    name               = t.name
    partitions         = t.partitions
    replication_factor = t.replication_factor
    config             = t.config
  }]

  document = {
    schemaVersion = "2.2"
    description   = "Idempotently create Kafka topics with kafka-topics.sh on the Kafka client instance."
    parameters = {
      TopicsBase64     = { type = "String", description = "Base64 JSON list of topics", allowedPattern = "^[A-Za-z0-9+/=]+$" }
      BootstrapServers = { type = "String", description = "Bootstrap servers", allowedPattern = "^[a-zA-Z0-9.:,-]+$" }
      CommandConfig    = { type = "String", description = "Client properties file", allowedPattern = "^/[a-zA-Z0-9/._-]+$" }
      KafkaHome        = { type = "String", description = "Kafka installation", allowedPattern = "^/[a-zA-Z0-9/._-]+$" }
      ReadyMarker      = { type = "String", description = "Setup-finished marker", allowedPattern = "^/[a-zA-Z0-9/._-]+$" }
      WaitSeconds      = { type = "String", description = "Seconds to wait for the marker", allowedPattern = "^[0-9]{1,5}$" }
    }
    mainSteps = [{
      action = "aws:runShellScript"
      name   = "ensureTopics"
      inputs = {
        timeoutSeconds = tostring(var.wait_timeout_seconds)
        runCommand     = split("\n", chomp(file("${path.module}/scripts/ensure-topics.sh")))
      }
    }]
  }
}

resource "aws_ssm_document" "this" {
  count = local.create ? 1 : 0

  name            = "${var.name}-ensure-topics"
  document_type   = "Command"
  document_format = "JSON"
  content         = jsonencode(local.document)
  tags            = var.tags
}

# Runs once on creation and again whenever a parameter (the topic list) changes; apply waits for success,
# so the event source mappings that depend on the output below see existing topics.
resource "aws_ssm_association" "this" {
  count = local.create ? 1 : 0

  name             = aws_ssm_document.this[0].name
  association_name = "${var.name}-ensure-topics"
  document_version = aws_ssm_document.this[0].latest_version
  max_errors       = "0"
  max_concurrency  = "1"

  wait_for_success_timeout_seconds = var.wait_timeout_seconds

  targets {
    key    = "InstanceIds"
    values = [var.instance_id]
  }

  parameters = {
    TopicsBase64     = base64encode(jsonencode(local.topics))
    BootstrapServers = var.bootstrap_servers
    CommandConfig    = var.command_config
    KafkaHome        = var.kafka_home
    ReadyMarker      = var.ready_marker
    WaitSeconds      = tostring(var.wait_timeout_seconds - 60)
  }
}
