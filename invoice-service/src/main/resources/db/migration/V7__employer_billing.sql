-- A driver billed to an employer (DriverRecord.employerId): the employee's sessions go on the employer's
-- invoice, each line naming the employee who charged (the name as it was when the invoice was issued).
ALTER TABLE driver ADD COLUMN employer_id UUID;
ALTER TABLE invoice_line ADD COLUMN employee_id UUID;
ALTER TABLE invoice_line ADD COLUMN employee_name TEXT;
