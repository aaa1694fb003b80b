"""Mutations of the expense domain; each delegates to one resolver and maps its result."""

from __future__ import annotations

import strawberry

from gql.context import Info
from gql.errors import UserError
from gql.expenses import inputs
from gql.expenses.payloads import (
    CategoryPayload,
    CustomerDeletePayload,
    CustomerPayload,
    CustomFieldPayload,
    ExpensePayload,
    ExpensesDeletePayload,
    ExpensesPayload,
    PotentialPayload,
    ReportPayload,
)
from gql.expenses.types import Category, Customer, CustomField, Expense, Potential, Report
from gql.ids import encode_id
from gql.permissions import IsAdmin, IsAuthenticated, viewer_of
from orm import models
from resolvers import categories, custom_fields, customers, potentials
from resolvers.errors import MutationResult
from resolvers.expenses import mutations as expenses
from resolvers.expenses import reports, transitions

pk = inputs.pk


def _report(result: MutationResult[models.Report]) -> ReportPayload:
    return ReportPayload(
        report=Report.from_model(result.value) if result.value else None,
        errors=UserError.from_errors(result.errors),
    )


def _customer_data(
    value: inputs.CustomerCreateInput | inputs.CustomerUpdateInput,
) -> customers.CustomerData:
    persons = None
    if value.contact_persons is not None:
        persons = [
            customers.ContactPersonData(
                p.last_name, p.first_name, p.email, p.phone, p.is_primary, pk("ContactPerson", p.id)
            )
            for p in value.contact_persons
        ]
    return customers.CustomerData(
        name=value.name, type=value.type, status=getattr(value, "status", None), email=value.email,
        phone=value.phone, website=value.website, contact_persons=persons, mobile=value.mobile,
        currency=value.currency, billing=_address(value.billing_address),
        shipping=_address(value.shipping_address),
        custom_fields=None if value.custom_fields is None
        else [(c.api_name, c.value) for c in value.custom_fields],
    )  # fmt: skip


def _address(value: inputs.AddressInput | None) -> customers.AddressData | None:
    if value is None:
        return None
    return customers.AddressData(value.street, value.city, value.state, value.code, value.country)


def _expenses(result: MutationResult[list[models.Expense]]) -> ExpensesPayload:
    return ExpensesPayload(
        expenses=[Expense.from_model(row) for row in result.value or []],
        errors=UserError.from_errors(result.errors),
    )


@strawberry.type
class ExpenseMutations:
    @strawberry.mutation(permission_classes=[IsAdmin])
    async def category_create(self, info: Info, input: inputs.CategoryInput) -> CategoryPayload:
        result = await categories.save_category(
            viewer_of(info), None, name=input.name, is_enabled=True
        )
        return CategoryPayload(
            category=Category.from_model(result.value) if result.value else None,
            errors=UserError.from_errors(result.errors),
        )

    @strawberry.mutation(permission_classes=[IsAdmin], description="Rename, disable or enable.")
    async def category_update(
        self, info: Info, input: inputs.CategoryUpdateInput
    ) -> CategoryPayload:
        result = await categories.save_category(
            viewer_of(info), pk("Category", input.id), name=input.name, is_enabled=input.is_enabled
        )
        return CategoryPayload(
            category=Category.from_model(result.value) if result.value else None,
            errors=UserError.from_errors(result.errors),
        )

    @strawberry.mutation(permission_classes=[IsAdmin])
    async def custom_field_create(
        self, info: Info, input: inputs.CustomFieldCreateInput
    ) -> CustomFieldPayload:
        result = await custom_fields.create_custom_field(
            viewer_of(info), label=input.label, data_type=input.data_type, options=input.options
        )
        return CustomFieldPayload(
            custom_field=CustomField.from_model(result.value) if result.value else None,
            errors=UserError.from_errors(result.errors),
        )

    @strawberry.mutation(permission_classes=[IsAdmin])
    async def customer_create(
        self, info: Info, input: inputs.CustomerCreateInput
    ) -> CustomerPayload:
        result = await customers.save_customer(viewer_of(info), None, _customer_data(input))
        return CustomerPayload(
            customer=Customer.from_model(result.value) if result.value else None,
            errors=UserError.from_errors(result.errors),
        )

    @strawberry.mutation(permission_classes=[IsAdmin])
    async def customer_update(
        self, info: Info, input: inputs.CustomerUpdateInput
    ) -> CustomerPayload:
        result = await customers.save_customer(
            viewer_of(info), pk("Customer", input.id), _customer_data(input)
        )
        return CustomerPayload(
            customer=Customer.from_model(result.value) if result.value else None,
            errors=UserError.from_errors(result.errors),
        )

    @strawberry.mutation(permission_classes=[IsAdmin], description="Only customers nothing uses.")
    async def customer_delete(self, info: Info, input: inputs.IdInput) -> CustomerDeletePayload:
        result = await customers.delete_customer(viewer_of(info), pk("Customer", input.id))
        deleted = encode_id("Customer", result.value) if result.value is not None else None
        return CustomerDeletePayload(
            deleted_id=deleted, errors=UserError.from_errors(result.errors)
        )

    @strawberry.mutation(
        permission_classes=[IsAdmin], description="A potential kept in Spendsync only."
    )
    async def potential_create(
        self, info: Info, input: inputs.PotentialCreateInput
    ) -> PotentialPayload:
        data = potentials.PotentialData(
            name=input.name, customer_id=pk("Customer", input.customer_id), stage=input.stage,
            state=input.state, amount=str(input.amount) if input.amount is not None else None,
            currency=input.currency, closing_date=input.closing_date,
            owner_crm_user_id=input.owner_crm_user_id,
        )  # fmt: skip
        result = await potentials.create_potential(viewer_of(info), data)
        return PotentialPayload(
            potential=Potential.from_model(result.value) if result.value else None,
            errors=UserError.from_errors(result.errors),
        )

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def expense_create(self, info: Info, input: inputs.ExpenseCreateInput) -> ExpensePayload:
        result = await expenses.create_expenses(
            viewer_of(info), [input.expense.to_data()], report_id=pk("Report", input.report_id),
            new_report=input.new_report.to_data() if input.new_report else None,
        )  # fmt: skip
        created = result.value[0] if result.value else None
        return ExpensePayload(
            expense=Expense.from_model(created) if created else None,
            errors=UserError.from_errors(result.errors),
        )

    @strawberry.mutation(
        permission_classes=[IsAuthenticated], description="Bulk add; all or nothing."
    )
    async def expenses_create(
        self, info: Info, input: inputs.ExpensesCreateInput
    ) -> ExpensesPayload:
        rows = [row.to_data() for row in input.expenses[: expenses.MAX_BULK + 1]]
        result = await expenses.create_expenses(
            viewer_of(info), rows, report_id=pk("Report", input.report_id),
            new_report=input.new_report.to_data() if input.new_report else None, bulk=True,
        )  # fmt: skip
        return _expenses(result)

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def expense_update(self, info: Info, input: inputs.ExpenseUpdateInput) -> ExpensePayload:
        result = await expenses.update_expense(
            viewer_of(info), pk("Expense", input.id), input.expense.to_data()
        )
        return ExpensePayload.from_result(result)

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Unreported and unsubmitted expenses only; all or nothing.",
    )
    async def expenses_delete(
        self, info: Info, input: inputs.ExpensesDeleteInput
    ) -> ExpensesDeletePayload:
        result = await expenses.delete_expenses(viewer_of(info), inputs.pks("Expense", input.ids))
        return ExpensesDeletePayload(
            deleted_ids=[encode_id("Expense", i) for i in result.value or []],
            errors=UserError.from_errors(result.errors),
        )

    @strawberry.mutation(
        permission_classes=[IsAuthenticated], description="Turn an inbox receipt into an expense."
    )
    async def receipt_convert(
        self, info: Info, input: inputs.ReceiptConvertInput
    ) -> ExpensePayload:
        data = input.expense.to_data()
        data.receipt_ids = [pk("Receipt", input.receipt_id) or -1, *data.receipt_ids]
        result = await expenses.create_expenses(
            viewer_of(info), [data], report_id=pk("Report", input.report_id)
        )
        created = result.value[0] if result.value else None
        return ExpensePayload(
            expense=Expense.from_model(created) if created else None,
            errors=UserError.from_errors(result.errors),
        )

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def report_create(self, info: Info, input: inputs.ReportInput) -> ReportPayload:
        return _report(await reports.create_report(viewer_of(info), input.to_data()))

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def report_add_expenses(
        self, info: Info, input: inputs.ReportExpensesInput
    ) -> ReportPayload:
        return _report(
            await reports.add_expenses(
                viewer_of(info),
                pk("Report", input.report_id),
                inputs.pks("Expense", input.expense_ids),
            )
        )

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def report_remove_expenses(
        self, info: Info, input: inputs.ReportExpensesInput
    ) -> ReportPayload:
        return _report(
            await reports.remove_expenses(
                viewer_of(info),
                pk("Report", input.report_id),
                inputs.pks("Expense", input.expense_ids),
            )
        )

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def report_submit(self, info: Info, input: inputs.ReportSubmitInput) -> ReportPayload:
        return _report(
            await transitions.submit_report(
                viewer_of(info), pk("Report", input.report_id), pk("User", input.approver_id)
            )
        )

    @strawberry.mutation(
        permission_classes=[IsAuthenticated], description="Before the approver acts."
    )
    async def report_recall(self, info: Info, input: inputs.ReportActionInput) -> ReportPayload:
        return _report(
            await transitions.recall_report(viewer_of(info), pk("Report", input.report_id))
        )

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def report_approve(self, info: Info, input: inputs.ReportActionInput) -> ReportPayload:
        return _report(
            await transitions.approve_report(
                viewer_of(info), pk("Report", input.report_id), input.comment
            )
        )

    @strawberry.mutation(permission_classes=[IsAuthenticated], description="A comment is required.")
    async def report_reject(self, info: Info, input: inputs.ReportActionInput) -> ReportPayload:
        return _report(
            await transitions.reject_report(
                viewer_of(info), pk("Report", input.report_id), input.comment
            )
        )

    @strawberry.mutation(permission_classes=[IsAdmin])
    async def report_reimburse(
        self, info: Info, input: inputs.ReportReimburseInput
    ) -> ReportPayload:
        return _report(
            await transitions.reimburse_report(
                viewer_of(info),
                pk("Report", input.report_id),
                paid_on=input.date,
                reference=input.reference,
            )
        )

    @strawberry.mutation(permission_classes=[IsAdmin])
    async def report_archive(self, info: Info, input: inputs.ReportActionInput) -> ReportPayload:
        return _report(
            await transitions.archive_report(viewer_of(info), pk("Report", input.report_id))
        )

    @strawberry.mutation(permission_classes=[IsAdmin])
    async def report_unarchive(self, info: Info, input: inputs.ReportActionInput) -> ReportPayload:
        return _report(
            await transitions.unarchive_report(viewer_of(info), pk("Report", input.report_id))
        )
