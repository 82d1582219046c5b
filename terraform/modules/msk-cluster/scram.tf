################################################################################
# SASL/SCRAM users: AmazonMSK_ secrets under a customer-managed key, associated to the cluster
################################################################################

# Generated once; later plans ignore the changing value (see lifecycle below).
data "aws_secretsmanager_random_password" "scram" {
  for_each = local.create ? toset(var.scram_users) : toset([])

  password_length     = 32
  exclude_punctuation = true
}

resource "aws_secretsmanager_secret" "scram" {
  for_each = local.create ? toset(var.scram_users) : toset([])

  name                    = "AmazonMSK_${var.name}_${each.key}"
  description             = "SASL/SCRAM credentials of ${each.key} on MSK cluster ${var.name}"
  kms_key_id              = local.kms_key_arn
  recovery_window_in_days = 7
  tags                    = var.tags
}

resource "aws_secretsmanager_secret_version" "scram" {
  for_each = local.create ? toset(var.scram_users) : toset([])

  secret_id = aws_secretsmanager_secret.scram[each.key].id
  secret_string = jsonencode({
    username = each.key
    password = data.aws_secretsmanager_random_password.scram[each.key].random_password
  })

  lifecycle {
    # Rotate by tainting this resource; never on every plan.
    ignore_changes = [secret_string]
  }
}

resource "aws_msk_scram_secret_association" "this" {
  count = local.create && length(var.scram_users) > 0 ? 1 : 0

  cluster_arn     = aws_msk_cluster.this[0].arn
  secret_arn_list = [for u in var.scram_users : aws_secretsmanager_secret.scram[u].arn]

  depends_on = [aws_secretsmanager_secret_version.scram]
}
