# Inputs every test file of this module starts from (terraform test reads this file for each of them; a file's
# or a run's own variables override these).
function_name = "msk-logger"
package_path  = "tests/fixtures/function.zip"
cluster_arn   = "arn:aws:kafka:eu-west-1:123456789012:cluster/demo/0b1c2d3e-1111-2222-3333-444455556666-2"
topic         = "orders"
